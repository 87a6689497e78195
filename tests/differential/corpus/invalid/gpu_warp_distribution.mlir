// 32 lanes cannot share a 64-element vector as 4 elements each.
func.func @spread(%lane: index) {
  %ok = gpu.warp_execute_on_lane_0(%lane)[32] -> (vector<2xf32>) {
    %v = arith.constant dense<1.0> : vector<64xf32>
    gpu.yield %v : vector<64xf32>
  }
  %bad = gpu.warp_execute_on_lane_0(%lane)[32] -> (vector<4xf32>) {
    %v = arith.constant dense<1.0> : vector<64xf32>
    gpu.yield %v : vector<64xf32>
  }
  return
}
