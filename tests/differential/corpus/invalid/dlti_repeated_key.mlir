// a key written twice in a data layout spec: the error is on the attribute's name
module attributes {dlti.dl_spec = #dlti.dl_spec<"a" = 1 : i32,
                                                "a" = 2 : i32>} {}
