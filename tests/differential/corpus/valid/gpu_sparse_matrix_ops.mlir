// y = A x and C = A B with a CSR matrix on the device, through the sparse handles,
// each step ordered by async tokens.
func.func @spmv(%rows: index, %nnz: index, %pos: memref<?xindex>, %cols: memref<?xindex>,
                %vals: memref<?xf32>, %x: memref<?xf32>, %y: memref<?xf32>,
                %b: memref<?x?xf32>, %c: memref<?x?xf32>, %work: memref<?xi8>) {
  %t0 = gpu.wait async
  %a, %t1 = gpu.create_csr async [%t0] %rows, %rows, %nnz, %pos, %cols, %vals
      : memref<?xindex>, memref<?xindex>, memref<?xf32>
  %dx, %t2 = gpu.create_dn_tensor async [%t1] %x, %rows : index into memref<?xf32>
  %dy, %t3 = gpu.create_dn_tensor async [%t2] %y, %rows : index into memref<?xf32>
  %size, %t4 = gpu.spmv_buffer_size async [%t3] %a, %dx, %dy into f32
  %t5 = gpu.spmv async [%t4] %a{TRANSPOSE}, %dx, %dy, %work : memref<?xi8> into f32
  %db, %t6 = gpu.create_dn_tensor async [%t5] %b, %rows, %rows : index, index into memref<?x?xf32>
  %dc, %t7 = gpu.create_dn_tensor async [%t6] %c, %rows, %rows : index, index into memref<?x?xf32>
  %s1, %s2, %t8 = gpu.spmm_buffer_size async [%t7] %a, %db{CONJUGATE_TRANSPOSE}, %dc
      : index, index into f32
  %t9 = gpu.spmm async [%t8] %a, %db, %dc, %work, %work : memref<?xi8>, memref<?xi8> into f32
  %s3, %t10 = gpu.sddmm_buffer_size async [%t9] %db, %dc, %a into f32
  %t11 = gpu.sddmm async [%t10] %db, %dc, %a, %work : memref<?xi8> into f32
  %t12 = gpu.destroy_dn_tensor async [%t11] %dx
  %t13 = gpu.destroy_sp_mat async [%t12] %a
  %coo = gpu.create_coo %rows, %rows, %nnz, %cols, %cols, %vals
      : memref<?xindex>, memref<?xindex>, memref<?xf32>
  %nrows, %ncols, %nnzs = gpu.spmat_get_size %coo
  gpu.set_csr_pointers %coo, %pos, %cols, %vals : memref<?xindex>, memref<?xindex>, memref<?xf32>
  %desc = gpu.spgemm_create_descr
  %size0 = gpu.spgemm_work_estimation_or_compute {WORK_ESTIMATION} %coo, %coo{TRANSPOSE},
      %coo, %desc, %rows, %work : f32 into memref<?xi8>
  gpu.spgemm_copy %coo, %coo, %coo, %desc : f32
  gpu.spgemm_destroy_descr %desc
  %pruned = gpu.create_2to4_spmat {PRUNE_ONLY} %rows, %rows, %b : memref<?x?xf32>
  gpu.destroy_sp_mat %pruned
  gpu.destroy_sp_mat %coo
  gpu.wait [%t13]
  return
}
