/* typevarobject.h: the PEP 695 typing objects made natively (typevarobject.c):
 * typing.TypeVar, ParamSpec (+ ParamSpecArgs/ParamSpecKwargs), TypeVarTuple,
 * TypeAliasType, Generic, NoDefault, and the helpers behind the
 * CALL_INTRINSIC_1/2 instructions of type-parameter scopes. */
#ifndef ADDER_OBJECTS_TYPEVAROBJECT_H
#define ADDER_OBJECTS_TYPEVAROBJECT_H

#include "objects/object.h"

extern AdTypeObject AdTypeVar_Type, AdParamSpec_Type, AdParamSpecArgs_Type, AdParamSpecKwargs_Type,
    AdTypeVarTuple_Type, AdTypeAlias_Type, AdGeneric_Type, AdNoDefault_Type;
extern AdObject _Ad_NoDefaultStruct;
#define Ad_NoDefault (&_Ad_NoDefaultStruct)

/* Whether o is a TypeVar, ParamSpec, TypeVarTuple or TypeAliasType. */
int AdTypeVar_IsTypingObject(AdObject *o);

/* The intrinsics (all return new refs, NULL on error):
 * TypeVar/ParamSpec/TypeVarTuple named name with inferred variance;
 * evaluate_bound/evaluate_constraints are the lazy evaluators (or NULL). */
AdObject *AdTypeVar_Make(AdObject *name, AdObject *evaluate_bound, AdObject *evaluate_constraints);
AdObject *AdParamSpec_Make(AdObject *name);
AdObject *AdTypeVarTuple_Make(AdObject *name);
/* Sets the lazy default evaluator of a type parameter; returns it back. */
AdObject *AdTypeParam_SetDefault(AdObject *param, AdObject *evaluate_default);
/* Generic[params] (params: a tuple). */
AdObject *AdGeneric_Subscript(AdObject *params);
/* The type statement: args = (name, type_params or None, compute_value). */
AdObject *AdTypeAlias_Make(AdObject *args);

#endif
