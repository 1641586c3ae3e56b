# expect: ValueError
csv = 'name,age,city\nann,30,NY\nbob,25\ncy,40,LA'
lines = csv.splitlines()
header = lines[0].split(',')
print('columns:', header)
people = []
for line in lines[1:]:
    name, age, city = line.split(',')
    people.append({'name': name, 'age': int(age), 'city': city})
    print(people[-1])
