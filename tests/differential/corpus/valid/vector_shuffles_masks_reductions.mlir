func.func @tile(%rows: vector<4x8xf32>, %col: vector<4xf32>, %s: f32, %buf: memref<64xf32>, %at: index) -> vector<4xf32> {
  %t = vector.transpose %rows, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  %lanes = vector.step : vector<4xindex>
  %pair = vector.from_elements %s, %s : vector<2xf32>
  %corner = vector.extract_strided_slice %rows {offsets = [1, 2], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  %back = vector.insert_strided_slice %corner, %rows {offsets = [2, 4], strides = [1, 1]} : vector<2x4xf32> into vector<4x8xf32>
  %outer = vector.outerproduct %col, %col : vector<4xf32>, vector<4xf32>
  %scaled = vector.outerproduct %col, %s, %col {kind = #vector.kind<mul>} : vector<4xf32>, f32
  %sums = vector.multi_reduction <add>, %rows, %col [1] : vector<4x8xf32> to vector<4xf32>
  %firsttwo = vector.constant_mask [2] : vector<4xi1>
  %wide = vector.interleave %col, %col : vector<4xf32> -> vector<8xf32>
  %g = vector.gather %buf[%at] [%lanes], %firsttwo, %col : memref<64xf32>, vector<4xindex>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  %m = vector.mask %firsttwo, %col { vector.transfer_read %buf[%at], %s : memref<64xf32>, vector<4xf32> } : vector<4xi1> -> vector<4xf32>
  vector.print %m : vector<4xf32>
  return %sums : vector<4xf32>
}
