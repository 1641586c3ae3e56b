users = [(1, 'ann', 'admin'), (2, 'bob', 'dev'), (3, 'cy', 'dev'), (4, 'dee', 'ops')]
tickets = [
    {'id': 101, 'owner': 2, 'status': 'open', 'prio': 2},
    {'id': 102, 'owner': 3, 'status': 'closed', 'prio': 1},
    {'id': 103, 'owner': 2, 'status': 'open', 'prio': 1},
    {'id': 104, 'owner': 9, 'status': 'open', 'prio': 3},
    {'id': 105, 'owner': 1, 'status': 'open', 'prio': 2},
]
by_id = {uid: (name, role) for uid, name, role in users}
joined = []
for t in tickets:
    name, role = by_id.get(t['owner'], ('?', '?'))
    joined.append({**t, 'owner_name': name, 'role': role})
for j in sorted(joined, key=lambda j: (j['prio'], j['id'])):
    print(f"#{j['id']} p{j['prio']} {j['status']:<6} {j['owner_name']}({j['role']})")
open_by_user = {}
for j in joined:
    if j['status'] == 'open':
        open_by_user[j['owner_name']] = open_by_user.get(j['owner_name'], 0) + 1
print(open_by_user)
idle = [name for uid, name, _ in users if not any(t['owner'] == uid for t in tickets)]
print('idle:', idle)
orphans = [t['id'] for t in tickets if t['owner'] not in by_id]
print('orphans:', orphans)
roles = {}
for _, name, role in users:
    roles.setdefault(role, []).append(name)
print(roles)
stats = {s: sum(1 for t in tickets if t['status'] == s) for s in ('open', 'closed')}
stats
