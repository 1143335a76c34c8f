"""What the page's events do, one module per panel. Thin: the core does the work; each handler
reads its inputs as hostile and takes the page's server-side ``PageState``."""
