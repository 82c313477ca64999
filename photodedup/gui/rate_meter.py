"""Files per second and time left for the current stage of a job, for the progress panel."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from photodedup.core.models import Progress


@dataclass(frozen=True, slots=True)
class Rate:
    per_second: float
    eta_seconds: float | None


class RateMeter:
    """Files per second and time left for the current stage, smoothed over a sliding window."""

    WINDOW_SECONDS = 5.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._samples: list[tuple[float, int]] = []
        self._stage: object = None

    def reset(self) -> None:
        self._samples.clear()
        self._stage = None

    def update(self, progress: Progress) -> Rate | None:
        """Record a report; returns None until the rate can be told."""
        now = self._clock()
        if progress.stage != self._stage or (
            self._samples and progress.done < self._samples[-1][1]
        ):
            self._samples.clear()
            self._stage = progress.stage
        self._samples.append((now, progress.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.WINDOW_SECONDS:
            self._samples.pop(0)
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        if t1 - t0 < 0.5 or d1 <= d0:
            return None
        per_second = (d1 - d0) / (t1 - t0)
        left = max(progress.total - progress.done, 0)
        eta = left / per_second if progress.total > 0 else None
        return Rate(per_second, eta)
