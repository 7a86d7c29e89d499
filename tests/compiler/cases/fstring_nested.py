a = f"{f'{x}'}"
b = f'{x}' f'{y}'
c = f'{x}' 'lit'
