__all__ = ['here', 'absent']
here = 1
