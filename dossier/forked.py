"""One pure function over many items, shared with forked copies of this process.

Some stages run per article after the articles were linked together (summaries), so they
cannot join the extraction's process pool, and sending them the linked dossier would cost
more than the work.  A *forked* child already holds everything: it computes its share and
sends back only the small results.  This process computes a share too instead of waiting.
Results come back in item order, so the outcome never depends on the number of processes.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from .errors import DossierError

T = TypeVar("T")


def send_outcome(conn: Connection, compute: Callable[[], object]) -> None:
    """In a forked child: send ``compute()``'s result, or its error, to the parent."""
    try:
        result: object = ("ok", compute())
    except DossierError as exc:
        result = ("error", exc)
    except BaseException as exc:  # a bug: pass its traceback to the parent, which reports it
        result = ("bug", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    conn.send(result)
    conn.close()


def receive_outcome(conn: Connection, child: multiprocessing.process.BaseProcess) -> Any:
    """In the parent: what ``send_outcome`` sent; the child's DossierError is raised here."""
    try:
        kind, value = conn.recv()
    except EOFError:
        child.join()
        raise RuntimeError(f"{child.name} ended without a result (exit code {child.exitcode})") from None
    if kind == "error":
        raise value
    if kind == "bug":
        raise RuntimeError(f"{child.name} failed: {value}")
    return value


def _child(function: Callable[[int], object], indices: range, conn: Connection) -> None:
    send_outcome(conn, lambda: [function(i) for i in indices])


def forked_map(function: Callable[[int], T], count: int, processes: int) -> list[T]:
    """``[function(i) for i in range(count)]`` on ``processes`` processes (this one included).

    ``function`` must be pure: each index is computed in exactly one process, and objects
    it changes in a child stay changed only there.
    """
    if processes <= 1 or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(i) for i in range(count)]
    context = multiprocessing.get_context("fork")
    children = []
    try:
        for k in range(1, processes):
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(function, range(k, count, processes), sender),
                                    name=f"dossier-fork-{k}", daemon=True)
            child.start()
            sender.close()
            children.append((child, receiver))
        shares: list[list[T]] = [[function(i) for i in range(0, count, processes)]]
        for child, receiver in children:
            shares.append(receive_outcome(receiver, child))
    finally:
        for child, _ in children:
            if child.is_alive():
                child.terminate()
            child.join()
    results: list[T] = [None] * count  # type: ignore[list-item]
    for k, share in enumerate(shares):
        results[k::processes] = share
    return results
