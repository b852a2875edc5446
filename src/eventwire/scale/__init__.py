"""Scale out: the same pipeline mapped over a corpus by a cluster (:mod:`eventwire.scale.dask`)."""
