import keyword

# Turn column headers into safe Python identifiers (a common step before building namedtuples).
def safe_name(header):
    name = ''.join(c if c.isalnum() else '_' for c in header.strip().lower())
    if not name or name[0].isdigit():
        name = '_' + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += '_'
    return name

headers = ['Name', 'class', 'from', '2nd place', 'match', 'e-mail', 'None', 'import', '_']
print([safe_name(h) for h in headers])
print(keyword.iskeyword('None'), keyword.iskeyword('none'), keyword.iskeyword('async'), keyword.iskeyword('print'))
print(len(keyword.kwlist) > 30, 'lambda' in keyword.kwlist, sorted(keyword.softkwlist))
print(keyword.kwlist[:5], keyword.kwlist == sorted(keyword.kwlist))
[h for h in headers if keyword.iskeyword(h)]
