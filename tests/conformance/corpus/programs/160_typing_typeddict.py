from typing import TypedDict, Optional, cast

class Movie(TypedDict):
    title: str
    year: int

class MovieWithRating(Movie, total=False):
    rating: float

m: Movie = {'title': 'Alien', 'year': 1979}
r = MovieWithRating(title='Heat', year=1995, rating=8.3)
print(m, r, type(r).__name__, isinstance(r, dict))
movies: list[Movie] = [m, {'title': 'Up', 'year': 2009}, cast(Movie, {'title': 'Jaws', 'year': 1975})]
print(sorted(x['title'] for x in movies))
print([x['title'] for x in sorted(movies, key=lambda x: x['year'])])

def decade(mv: Movie) -> str:
    return f"{mv['year'] // 10 * 10}s"

by_decade: dict[str, list[str]] = {}
for mv in movies:
    by_decade.setdefault(decade(mv), []).append(mv['title'])
print(by_decade)

def rating(mv: MovieWithRating) -> Optional[float]:
    return mv.get('rating')

print(rating(r), rating(cast(MovieWithRating, m)))
by_decade
