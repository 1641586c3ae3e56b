from dataclasses import dataclass, field, asdict
from typing import Optional

@dataclass
class Employee:
    name: str
    dept: str
    salary: int
    manager: Optional[str] = None
    skills: list[str] = field(default_factory=list)

staff = [
    Employee('ann', 'eng', 120, skills=['py', 'go']),
    Employee('bob', 'eng', 95, 'ann', ['py']),
    Employee('cy', 'ops', 80, 'dee'),
    Employee('dee', 'ops', 110),
    Employee('eve', 'eng', 105, 'ann', ['rust', 'py']),
]

def by_dept(rows: list[Employee]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r.dept, []).append(r.name)
    return out

print(by_dept(staff))
payroll = {d: sum(e.salary for e in staff if e.dept == d) for d in sorted({e.dept for e in staff})}
print(payroll)
reports = {}
for e in staff:
    if e.manager:
        reports.setdefault(e.manager, []).append(e.name)
print(reports)
skill_index = {}
for e in staff:
    for s in e.skills:
        skill_index.setdefault(s, []).append(e.name)
print(dict(sorted(skill_index.items())))
top = max(staff, key=lambda e: e.salary)
print(asdict(top))
[e.name for e in sorted(staff, key=lambda e: (-e.salary, e.name))]
