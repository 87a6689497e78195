// DLTI maps with entries in both forms MLIR 22 reads: #dlti.dl_entry<key, value> and
// key = value, nested device specs too.
module attributes {dlti.dl_spec = #dlti.dl_spec<#dlti.dl_entry<index, 32 : i64>, "dlti.endianness" = "little">, dlti.target_system_spec = #dlti.target_system_spec<"CPU" = #dlti.target_device_spec<#dlti.dl_entry<"dlti.L1_cache_size_in_bytes", 4096 : ui32>>>} {
  func.func @f() {
    return
  }
}
