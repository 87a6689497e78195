"""The Toy tutorial passes, one file each, named as the tutorial names them."""
