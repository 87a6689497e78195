// A gpu.binary holds at least one object.
gpu.binary @full [#gpu.object<#nvvm.target, "blob">]
gpu.binary @empty []
