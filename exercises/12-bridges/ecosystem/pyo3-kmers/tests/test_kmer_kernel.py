"""The extension's behaviour as Python sees it. Run with `pytest` after `maturin develop`."""

import numpy as np
import pytest

import kmer_kernel


def test_a_kmer_and_its_reverse_complement_count_together():
    # TTGCA on one strand is TGCAA on the other; TGCAA is the canonical (smaller) form.
    assert kmer_kernel.top_kmers("TTGCA\nTGCAA", 5) == [("TGCAA", 2)]


def test_soft_masked_bases_count_and_n_breaks_windows():
    assert kmer_kernel.top_kmers("acgNNtac", 3) == [("ACG", 1), ("GTA", 1)]


def test_numpy_bytes_give_the_same_table():
    seqs = "CCC\nAAA\nGGG"
    as_array = np.frombuffer(seqs.encode("ascii"), dtype=np.uint8)
    assert kmer_kernel.top_kmers_array(as_array, 3, 1) == kmer_kernel.top_kmers(seqs, 3, 1)


def test_rust_errors_arrive_as_value_errors():
    with pytest.raises(ValueError, match="k must be from 1 to 32, got 33"):
        kmer_kernel.top_kmers("ACGT", 33)
    with pytest.raises(ValueError, match="n must be at least 1"):
        kmer_kernel.top_kmers("ACGT", 2, 0)
    with pytest.raises(ValueError, match="longer than every sequence"):
        kmer_kernel.top_kmers("ACGT", 5)


def test_conversions_refuse_what_does_not_fit():
    with pytest.raises(OverflowError):  # a usize cannot be negative
        kmer_kernel.top_kmers("ACGT", -1)
    with pytest.raises(TypeError):  # a strided view is not one slice of memory
        kmer_kernel.top_kmers_array(np.zeros(8, dtype=np.uint8)[::2], 2)
