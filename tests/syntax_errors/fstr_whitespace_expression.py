x = f'value: { }'
