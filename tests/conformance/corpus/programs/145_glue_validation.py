SCHEMA = {
    'name': {'type': str, 'required': True, 'min_len': 2},
    'age': {'type': int, 'required': True, 'min': 0, 'max': 150},
    'email': {'type': str, 'required': False, 'contains': '@'},
    'tags': {'type': list, 'required': False},
}

def validate(record):
    errors = []
    for field, rules in SCHEMA.items():
        if field not in record:
            if rules['required']:
                errors.append(f'{field}: required')
            continue
        value = record[field]
        if not isinstance(value, rules['type']) or isinstance(value, bool):
            errors.append(f"{field}: expected {rules['type'].__name__}, got {type(value).__name__}")
            continue
        if 'min_len' in rules and len(value) < rules['min_len']:
            errors.append(f"{field}: too short ({len(value)} < {rules['min_len']})")
        if 'min' in rules and value < rules['min']:
            errors.append(f"{field}: below {rules['min']}")
        if 'max' in rules and value > rules['max']:
            errors.append(f"{field}: above {rules['max']}")
        if 'contains' in rules and rules['contains'] not in value:
            errors.append(f"{field}: missing {rules['contains']!r}")
    unknown = sorted(set(record) - set(SCHEMA))
    errors.extend(f'{u}: unknown field' for u in unknown)
    return errors

records = [
    {'name': 'Ann', 'age': 30, 'email': 'ann@x.io'},
    {'name': 'B', 'age': -1},
    {'age': '30', 'email': 'nope', 'extra': 1, 'zzz': 2},
    {'name': 'Cy', 'age': True, 'tags': 'notalist'},
    {'name': 'Dee', 'age': 200, 'tags': ['a']},
]
results = {}
for i, r in enumerate(records):
    errs = validate(r)
    results[i] = errs
    print(i, 'OK' if not errs else '; '.join(errs))
[len(v) for v in results.values()]
