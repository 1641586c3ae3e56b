# ruff: noqa
import base64
import binascii
import hashlib
import hmac
import random
import uuid

print(base64.b64encode(b'hello'), base64.b64decode('aGVsbG8='), binascii.hexlify(b'ab'), binascii.crc32(b'x'))
h = hashlib.sha256(b'abc')
h.update(b'd')
print(h.hexdigest(), hashlib.md5(b'').hexdigest(), h.name, hashlib.new('sha1', b'x').hexdigest())
print(hashlib.shake_128(b'x').hexdigest(8), hashlib.blake2b(b'x', digest_size=8).hexdigest())
print(
    hmac.new(b'k', b'msg', hashlib.sha256).hexdigest(),
    hmac.compare_digest('a', 'a'),
    hmac.new(b'k', b'm', 'md5').hexdigest(),
)
u = uuid.uuid5(uuid.NAMESPACE_DNS, 'example.com')
print(u, repr(u), u.hex, u.version, uuid.UUID('12345678123456781234567812345678'))
r = random.Random(42)
print(r.random(), r.randint(1, 10), r.choice('abc'), r.sample(range(10), 3))
random.seed(1)
print(random.random(), random.randint(1, 100))
l = list(range(5))
random.shuffle(l)
print(l)
print(hashlib.pbkdf2_hmac('sha256', b'p', b's', 10).hex())
