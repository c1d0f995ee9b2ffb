"""Looking at the site as a visitor does: `make screenshots` and `make lighthouse`.

Both serve the demo site (built once into .tmp/review/) under gunicorn with the production
settings, as `make bench` does, and stop it again by its PID. Nothing here is a test: the
screenshots are for people to review, and Lighthouse's scores are measurements.
"""
