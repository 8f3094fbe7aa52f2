"""Benchmarks and the synthetic data they run on; never imported by the app."""
