"""The bundled sample web: fictional people's sites and look-alike services, served on 127.0.0.1."""
