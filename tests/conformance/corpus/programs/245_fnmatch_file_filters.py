import fnmatch

# Filter file names returned by a host listing tool with glob patterns.
files = ['report.csv', 'Report.CSV', 'data_2024.json', 'data_2023.json', 'notes.txt', 'img[1].png', 'a.py', 'ab.py']
print(fnmatch.filter(files, '*.json'))
print(fnmatch.filter(files, 'data_202[34].*'))
print(fnmatch.filter(files, '?.py'), fnmatch.filter(files, '[!a]*'))
print(fnmatch.fnmatchcase('Report.CSV', '*.csv'), fnmatch.fnmatchcase('report.csv', '*.csv'))
print(fnmatch.fnmatch('img[1].png', 'img[[]1].png'), fnmatch.fnmatch('x', ''))
print(fnmatch.translate('*.py'), fnmatch.translate('data_[0-9]?.txt'))
include, exclude = ['*.json', '*.csv'], ['*2023*']
kept = [f for f in files if any(fnmatch.fnmatch(f, p) for p in include) and not any(fnmatch.fnmatch(f, p) for p in exclude)]
print(kept)
kept
