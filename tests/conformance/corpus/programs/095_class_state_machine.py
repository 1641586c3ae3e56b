class TrafficLight:
    transitions = {'red': 'green', 'green': 'yellow', 'yellow': 'red'}
    durations = {'red': 30, 'green': 25, 'yellow': 5}

    def __init__(self):
        self.state = 'red'
        self.elapsed = 0
        self.history = []

    def tick(self, seconds):
        self.elapsed += seconds
        while self.elapsed >= self.durations[self.state]:
            self.elapsed -= self.durations[self.state]
            self.history.append(self.state)
            self.state = self.transitions[self.state]
        return self.state

light = TrafficLight()
for s in [10, 25, 20, 3, 60]:
    print(s, '->', light.tick(s), light.elapsed)
print(light.history)

class Parser:
    def __init__(self):
        self.state = 'start'
        self.tokens = []
        self.buf = ''

    def feed(self, ch):
        if self.state == 'start':
            if ch.isdigit():
                self.state, self.buf = 'num', ch
            elif ch.isalpha():
                self.state, self.buf = 'word', ch
        elif self.state == 'num':
            if ch.isdigit():
                self.buf += ch
            else:
                self.emit(int(self.buf))
                self.feed(ch)
        elif self.state == 'word':
            if ch.isalnum():
                self.buf += ch
            else:
                self.emit(self.buf)
                self.feed(ch)

    def emit(self, tok):
        self.tokens.append(tok)
        self.state, self.buf = 'start', ''

p = Parser()
for ch in 'abc 12+x9 7 ':
    p.feed(ch)
print(p.tokens)
p.tokens
