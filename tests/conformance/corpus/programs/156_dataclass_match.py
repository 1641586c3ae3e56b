from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

@dataclass
class Line:
    start: Point
    end: Point

def describe(obj):
    match obj:
        case Point(0, 0):
            return 'origin'
        case Point(x, 0):
            return f'x-axis {x}'
        case Point(x=x, y=y) if x == y:
            return f'diag {x}'
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return f'vertical at x={x1} len={abs(y2 - y1)}'
        case Line(start, end):
            return f'line {start} -> {end}'
        case Point():
            return f'point {obj}'
    return 'unknown'

for o in [Point(0, 0), Point(5, 0), Point(3, 3), Point(1, 2), Line(Point(1, 0), Point(1, 5)), Line(Point(0, 0), Point(2, 3)), 'x']:
    print(describe(o))
describe(Point(7, 7))
