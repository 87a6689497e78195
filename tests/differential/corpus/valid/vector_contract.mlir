#map0 = affine_map<(i, j, k) -> (i, k)>
#map1 = affine_map<(i, j, k) -> (k, j)>
#map2 = affine_map<(i, j, k) -> (i, j)>
func.func @ct(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>) -> vector<4x4xf32> {
  %0 = vector.contract {indexing_maps = [#map0, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  return %0 : vector<4x4xf32>
}
#dmap0 = affine_map<(k) -> (k)>
#dmap1 = affine_map<(k) -> ()>
func.func @dot(%a: vector<8xf32>, %b: vector<8xf32>, %c: f32) -> f32 {
  %0 = vector.contract {indexing_maps = [#dmap0, #dmap0, #dmap1], iterator_types = ["reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<8xf32>, vector<8xf32> into f32
  return %0 : f32
}
