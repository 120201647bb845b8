"""Clustering an event group stays linear in its undated events and gives what the scan over every
cluster gave (the reference below is the earlier implementation, kept as the test's oracle)."""

from __future__ import annotations

import bisect
import sys
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.analysis import clusters as clusters_module
from detente.analysis.clusters import _Cluster, _cluster_group, date_span


def reference_group(events: list[tuple]) -> list[_Cluster]:
    """Merge one group's events (event_id, doc_id, cameo, date basis, date_start, precision, date) by date."""
    dated, undated = [], []
    for event_id, doc_id, cameo, basis, start, precision, text in events:
        if start is None:
            undated.append((event_id, doc_id, cameo, basis))
        else:
            dated.append((*date_span(start, precision, text), event_id, doc_id, cameo, basis))
    dated.sort()  # finest precision first: precise reports anchor clusters, vaguer ones join them
    clusters: list[_Cluster] = []
    starts: list[int] = []  # anchors' first days, sorted, parallel to `ordered`
    ordered: list[_Cluster] = []
    for _rank, start, end, event_id, doc_id, cameo, basis in dated:
        # An anchor is never longer than this span (finer dates came first), so overlapping
        # anchors start after start - (end - start).
        lo = bisect.bisect_right(starts, start - (end - start))
        hi = bisect.bisect_left(starts, end)
        best = None
        for c in ordered[lo:hi]:
            if c.end > start and c.start < end and (best is None or len(c.members) > len(best.members)):
                best = c
        if best is None:
            best = _Cluster(start, end)
            clusters.append(best)
            i = bisect.bisect_right(starts, start)
            starts.insert(i, start)
            ordered.insert(i, best)
        best.add(event_id, doc_id, cameo, basis)
    dated_clusters = list(clusters)
    by_doc: dict[str, _Cluster] = {}
    for event_id, doc_id, cameo, basis in undated:
        home = max((c for c in clusters if doc_id in c.docs), key=lambda c: len(c.members), default=None)
        if home is None and basis == "unanchored":
            elsewhere = [c for c in dated_clusters if c.told and cameo in c.cameos and doc_id not in c.docs]
            home = elsewhere[0] if len(elsewhere) == 1 else None
        if home is None:
            home = by_doc.get(doc_id)
            if home is None:
                home = by_doc[doc_id] = _Cluster(0, 0)
                clusters.append(home)
        home.add(event_id, doc_id, cameo)
    return clusters


BASES = ["explicit", "relative-to-publication", "publication", "unanchored", "period", None]
event = st.tuples(
    st.integers(0, 6),  # document
    st.sampled_from(["042", "043", "036"]),
    st.sampled_from(BASES),
    st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 3, 1))),
    st.sampled_from(["day", "week", "month", "year"]),
)


def as_events(raw: list[tuple]) -> list[tuple]:
    out = []
    for i, (doc, cameo, basis, start, precision) in enumerate(raw):
        text = {"day": start.isoformat(), "week": start.isoformat(), "month": start.isoformat()[:7],
                "year": str(start.year)}[precision] if start else None
        out.append((f"e{i}", f"d{doc}", cameo, basis, start, precision if start else None, text))
    return out


def memberships(clusters) -> list[list[str]]:
    return sorted(sorted(c.members) for c in clusters)


@settings(max_examples=300, deadline=None)
@given(st.lists(event, max_size=40))
def test_the_indexed_grouping_equals_the_scan(raw):
    events = as_events(raw)
    assert memberships(_cluster_group(events)) == memberships(reference_group(events))


class _CountingSet(set):
    """A cluster's article set that counts its membership tests: the work clustering does."""

    probes = 0

    def __contains__(self, item):
        _CountingSet.probes += 1
        return super().__contains__(item)


def test_undated_events_cost_linear_work(monkeypatch):
    """40,000 undated events over 30,000 articles beside 20,000 dated clusters: the scan over every
    cluster asked each cluster's article set for each undated event (about 10^9 probes, 21 s here);
    the indexes ask a bounded number per event. Counted, not timed, so a slow machine cannot fail it."""

    class Counted(_Cluster):
        __slots__ = ()

        def __init__(self, *args):
            super().__init__(*args)
            self.docs = _CountingSet()

    monkeypatch.setattr(clusters_module, "_Cluster", Counted)
    day = date(2000, 1, 1)
    dated = [(f"a{i}", f"d{i}", "042", "explicit", day + timedelta(days=i), "day", None) for i in range(20_000)]
    undated = [(f"u{i}", f"d{i % 30_000}", "042", "unanchored", None, None, None) for i in range(40_000)]
    _CountingSet.probes = 0
    clusters = _cluster_group(dated + undated)
    assert sum(len(c.members) for c in clusters) == 60_000
    assert 0 < _CountingSet.probes <= 4 * len(undated)
    # the reference scan on a slice of the same input probes once per cluster per undated event
    _CountingSet.probes = 0
    monkeypatch.setattr(sys.modules[__name__], "_Cluster", Counted)
    reference_group(dated[:2_000] + undated[:1_000])
    assert _CountingSet.probes > 1_000_000
