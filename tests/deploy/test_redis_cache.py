"""The Redis cache the app servers share (ocop_portal.redis_cache), against a real Redis."""

from ocop_portal.redis_cache import RedisCache


def test_values_round_trip_through_one_client_per_pool(redis_db):
    cache = RedisCache(redis_db, {"KEY_PREFIX": "ocop"})

    cache.set("session:abc", {"user": 7}, 30)
    assert cache.get("session:abc") == {"user": 7}
    assert cache.get_many(["session:abc", "missing"]) == {"session:abc": {"user": 7}}
    assert cache.add("session:abc:count", 1)
    assert cache.incr("session:abc:count") == 2
    assert cache.delete("session:abc")
    assert cache.get("session:abc", "gone") == "gone"

    # Every call after the first reuses the client built for the pool.
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert client.connection_pool is cache._cache._get_connection_pool(False)


def test_a_restarted_redis_is_reached_again(redis_db):
    cache = RedisCache(redis_db, {})
    cache.set("k", 1, 30)
    # What a Redis restart does to a kept client: its pooled connections are dropped.
    cache._cache.get_client().connection_pool.disconnect()

    assert cache.get("k") == 1
