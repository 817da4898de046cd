package io.cloister.component.types;

/** A component value type ({@code valtype} in the binary format, a WIT type). */
public sealed interface ValType extends DefType
    permits PrimitiveType,
        ListType,
        RecordType,
        TupleType,
        VariantType,
        EnumType,
        OptionType,
        ResultType,
        FlagsType,
        OwnType,
        BorrowType {}
