"""The same pipeline on a distributed engine (optional extra ``eightk[dask]``): ``dask_ingest.run``
parses partitions of the inputs with the pure ``parse_filing`` on a Dask cluster into Parquet shards
(``shards``), and ``dask_ingest.load`` merges shards into the store with the one writer."""
