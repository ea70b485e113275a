"""pingce's Datasette plugin; `pingce serve` passes this folder as --plugins-dir."""
