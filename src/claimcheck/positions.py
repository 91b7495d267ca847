"""Character offsets to 1-based line and column, the way editors and CI systems count them
(columns in Unicode code points)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int


class LineIndex:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Position:
        line, column = self.at(start)
        end_line, end_column = self.at(end)
        return Position(line, column, end_line, end_column)
