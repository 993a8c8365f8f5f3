__version__ = "0.1.0"
CODER = f"flashpoint {__version__}"
