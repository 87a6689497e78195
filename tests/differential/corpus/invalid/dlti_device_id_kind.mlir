module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<
    0 = #dlti.target_device_spec<"k" = 1>>
} {}
