func.func @math(%x: f32) -> f32 {
  %0 = math.sqrt %x : f32
  %1 = math.exp %0 : f32
  %2 = math.absf %1 : f32
  return %2 : f32
}
