__all__ = ['fa']
def fa(): pass
def not_exported(): pass
