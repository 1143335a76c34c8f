"""What the tests (and the benchmarks) share: fakes, builders, servers, pages, labelled data."""
