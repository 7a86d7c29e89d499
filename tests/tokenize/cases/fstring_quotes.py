f'{x}' f'''{y}''' f"{'nested'}" f'{"a"}'
