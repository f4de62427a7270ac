"""Independent calls run in forked children (dossier.forked.ForkedCalls)."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from dossier.errors import DossierError
from dossier.forked import ForkedCalls, forked_map


def test_results_are_the_same_and_in_call_order_with_any_number_of_processes() -> None:
    calls = [lambda n=n: [n] * n for n in range(6)]
    for processes in (1, 2, 3, 7):
        with ForkedCalls(calls, processes) as forked:
            assert [forked.result(i) for i in (5, 0, 3, 1, 2, 4)] == [[5] * 5, [], [3] * 3, [1], [2] * 2, [4] * 4]
            assert forked.result(5) is forked.result(5)  # asked twice, computed and sent once


def test_shared_objects_come_back_as_the_callers_own_objects() -> None:
    site = [{"page": n} for n in range(3)]
    calls = [lambda: (site[2], "made in the child", site[0]),
             lambda: MappingProxyType({"page": site[1]})]
    with ForkedCalls(calls, 3, shared=site) as forked:
        first, made, last = forked.result(0)
        lookup = forked.result(1)
    assert first is site[2] and last is site[0] and made == "made in the child"
    assert isinstance(lookup, MappingProxyType) and lookup["page"] is site[1]


def test_an_error_in_a_child_is_raised_when_its_result_is_asked_for() -> None:
    def broken() -> None:
        raise DossierError("the quotes are broken")

    for processes in (1, 2):
        with ForkedCalls([lambda: 1, broken, lambda: 3], processes) as forked:
            assert forked.result(0) == 1
            with pytest.raises(DossierError, match="the quotes are broken"):
                forked.result(1)


def test_a_result_never_asked_for_leaves_no_process_behind() -> None:
    import multiprocessing
    import time

    with ForkedCalls([lambda: time.sleep(60), lambda: 2], 3) as forked:
        assert forked.result(1) == 2
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("dossier-fork")]


def test_a_forked_map_sends_each_items_shared_objects_back_as_the_callers_own() -> None:
    items = [[f"item {i}", {"n": i}] for i in range(7)]
    results = forked_map(lambda i: (items[i][1], f"new {i}"), len(items), 3, shared=lambda i: items[i])
    assert [r[1] for r in results] == [f"new {i}" for i in range(7)]
    assert all(r[0] is items[i][1] for i, r in enumerate(results))


def test_inside_a_daemonic_process_the_work_is_done_there() -> None:
    import multiprocessing

    def in_a_daemon(conn) -> None:
        with ForkedCalls([lambda: 1, lambda: 2], 3) as forked:
            calls = [forked.result(0), forked.result(1)]
        conn.send((calls, forked_map(lambda i: i * 2, 5, 3)))

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    daemon = context.Process(target=in_a_daemon, args=(sender,), daemon=True)
    daemon.start()
    assert receiver.recv() == ([1, 2], [0, 2, 4, 6, 8])
    daemon.join()


def test_a_map_then_calls_in_one_child_gives_the_same_results_with_any_number_of_processes() -> None:
    site = [{"page": n} for n in range(3)]
    calls = [lambda results: sum(results), lambda results: (site[1], len(results))]
    for processes in (1, 2, 3):
        for count in (0, 1, 2, 7):
            kept, forked = ForkedCalls.after_map(lambda i: (f"item {i}", i * i), count, calls, processes,
                                                 shared=site, kept=lambda r: r[0], given=lambda r: r[1])
            with forked:
                assert kept == [f"item {i}" for i in range(count)]
                assert forked.result(0) == sum(i * i for i in range(count))
                page, seen = forked.result(1)
            assert page is site[1] and seen == count


def test_an_error_in_the_map_or_a_call_of_one_child_is_raised_here() -> None:
    def broken_item(i: int) -> int:
        if i == 3:
            raise DossierError("item 3 is broken")
        return i

    def broken_call(results: list[int]) -> None:
        raise DossierError("the passages are broken")

    for processes in (1, 2):
        with pytest.raises(DossierError, match="item 3 is broken"):
            ForkedCalls.after_map(broken_item, 6, [len], processes)
        kept, forked = ForkedCalls.after_map(lambda i: i, 6, [len, broken_call], processes)
        with forked:
            assert kept == list(range(6)) and forked.result(0) == 6
            with pytest.raises(DossierError, match="the passages are broken"):
                forked.result(1)
