"""The HTTP service: a thin shell over the ``rag`` package (``create_app`` here, ``serve`` in ``api.server``)."""
