"""The national-scale benchmark seed, split by what it seeds; run it with bench/seed_national.py.

Every module here imports the project's models, so import them only after ``django.setup()``.
"""
