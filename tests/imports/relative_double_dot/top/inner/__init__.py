from .. import BASE
INNER = BASE + '+inner'
