

func.func @wrong_total_weight(%cond: i1) {
  cf.cond_br %cond weights([0, 0]), ^bb1, ^bb2
  ^bb1:
    return
  ^bb2:
    return
}

