import _opcode
print(sorted(n for n in dir(_opcode) if not n.startswith('__')))
print(_opcode.get_intrinsic1_descs()); print(_opcode.get_intrinsic2_descs()); print(_opcode.get_special_method_names()); print(_opcode.get_nb_ops())
print(_opcode.ENABLE_SPECIALIZATION, _opcode.ENABLE_SPECIALIZATION_FT)
import opcode
for name, op in sorted(opcode.opmap.items(), key=lambda x: x[1]):
    print(name, op, _opcode.is_valid(op), _opcode.has_arg(op), _opcode.has_const(op), _opcode.has_name(op), _opcode.has_jump(op), _opcode.has_free(op), _opcode.has_local(op), _opcode.has_exc(op))
for op in (1, 5, 45, 100, 3, 200):
    try: print(op, _opcode.stack_effect(op, 0), _opcode.stack_effect(op, 1, jump=True) if _opcode.has_arg(op) else _opcode.stack_effect(op))
    except Exception as e: print(op, type(e).__name__, e)
try: _opcode.stack_effect(1, 5)
except Exception as e: print(type(e).__name__, e)
print(_opcode.get_specialization_stats())
