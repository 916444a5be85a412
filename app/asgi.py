"""The ASGI entry point uvicorn serves (`app.asgi:app`)."""

from app.main import create_app

app = create_app()
