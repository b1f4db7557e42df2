//===- DBTypes.cpp - The db-types pass ------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks field types: unknown type names with a "did you mean" fix
/// (DB010), native `@db.*` types against the field's scalar type and the
/// provider (DB011 - DB013), scalar lists and enums the provider lacks
/// (DB014, DB015), `@default` values against the field type (DB016),
/// `@updatedAt` on non-DateTime fields (DB017) and composite types outside
/// MongoDB (DB029).
///
/// The native type tables follow prisma-engines (psl/psl-core/src/
/// builtin_connectors/*/native_types.rs). The provider is the datasource's,
/// or PostgreSQL for a Prisma schema without a datasource (DB024 says so).
/// AutoBe's AST says nothing about the provider, has no native types, lists
/// or defaults, and its unknown field types are AB004 and unknown relation
/// targets DB030: only the Prisma text is checked here.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"

#include <string>

using namespace abv;
using namespace abv::db;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Native types
//===----------------------------------------------------------------------===//

namespace {
/// One native type of a provider.
struct NativeTypeInfo {
  StringLiteral name;
  /// Bit N (N < 7) set: N arguments are accepted. kAllowMax: an argument
  /// may also be `Max` (SQL Server).
  unsigned argCounts;
  /// Bit (1 << TypeKind) set: fields of that scalar type may use it.
  unsigned scalars;
};
} // namespace

static constexpr unsigned bit(TypeKind kind) {
  return 1u << static_cast<unsigned>(kind);
}

static constexpr unsigned kString = bit(TypeKind::String);
static constexpr unsigned kBoolean = bit(TypeKind::Boolean);
static constexpr unsigned kInt = bit(TypeKind::Int);
static constexpr unsigned kBigInt = bit(TypeKind::BigInt);
static constexpr unsigned kFloat = bit(TypeKind::Float);
static constexpr unsigned kDecimal = bit(TypeKind::Decimal);
static constexpr unsigned kDateTime = bit(TypeKind::DateTime);
static constexpr unsigned kJson = bit(TypeKind::Json);
static constexpr unsigned kBytes = bit(TypeKind::Bytes);

/// Argument count sets.
static constexpr unsigned kNoArgs = 0b001;
static constexpr unsigned kOptionalArg = 0b011;
static constexpr unsigned kOneArg = 0b010;
static constexpr unsigned kPrecisionScale = 0b101;
static constexpr unsigned kAllowMax = 1u << 7;

static const NativeTypeInfo postgresTypes[] = {
    {"SmallInt", kNoArgs, kInt},
    {"Integer", kNoArgs, kInt},
    {"BigInt", kNoArgs, kBigInt},
    {"Decimal", kPrecisionScale, kDecimal},
    {"Money", kNoArgs, kDecimal},
    {"Inet", kNoArgs, kString},
    {"Oid", kNoArgs, kInt},
    {"Citext", kNoArgs, kString},
    {"Real", kNoArgs, kFloat},
    {"DoublePrecision", kNoArgs, kFloat},
    {"VarChar", kOptionalArg, kString},
    {"Char", kOptionalArg, kString},
    {"Text", kNoArgs, kString},
    {"ByteA", kNoArgs, kBytes},
    {"Timestamp", kOptionalArg, kDateTime},
    {"Timestamptz", kOptionalArg, kDateTime},
    {"Date", kNoArgs, kDateTime},
    {"Time", kOptionalArg, kDateTime},
    {"Timetz", kOptionalArg, kDateTime},
    {"Boolean", kNoArgs, kBoolean},
    {"Bit", kOptionalArg, kString},
    {"VarBit", kOptionalArg, kString},
    {"Uuid", kNoArgs, kString},
    {"Xml", kNoArgs, kString},
    {"Json", kNoArgs, kJson},
    {"JsonB", kNoArgs, kJson},
};

static const NativeTypeInfo mysqlTypes[] = {
    {"Int", kNoArgs, kInt},
    {"UnsignedInt", kNoArgs, kInt},
    {"SmallInt", kNoArgs, kInt},
    {"UnsignedSmallInt", kNoArgs, kInt},
    {"TinyInt", kNoArgs, kBoolean | kInt},
    {"UnsignedTinyInt", kNoArgs, kBoolean | kInt},
    {"MediumInt", kNoArgs, kInt},
    {"UnsignedMediumInt", kNoArgs, kInt},
    {"BigInt", kNoArgs, kBigInt},
    {"Decimal", kPrecisionScale, kDecimal},
    {"UnsignedBigInt", kNoArgs, kBigInt},
    {"Float", kNoArgs, kFloat},
    {"Double", kNoArgs, kFloat},
    {"Bit", kOneArg, kBoolean | kBytes},
    {"Char", kOneArg, kString},
    {"VarChar", kOneArg, kString},
    {"Binary", kOneArg, kBytes},
    {"VarBinary", kOneArg, kBytes},
    {"TinyBlob", kNoArgs, kBytes},
    {"Blob", kNoArgs, kBytes},
    {"MediumBlob", kNoArgs, kBytes},
    {"LongBlob", kNoArgs, kBytes},
    {"TinyText", kNoArgs, kString},
    {"Text", kNoArgs, kString},
    {"MediumText", kNoArgs, kString},
    {"LongText", kNoArgs, kString},
    {"Date", kNoArgs, kDateTime},
    {"Time", kOptionalArg, kDateTime},
    {"DateTime", kOptionalArg, kDateTime},
    {"Timestamp", kOptionalArg, kDateTime},
    {"Year", kNoArgs, kInt},
    {"Json", kNoArgs, kJson},
};

static const NativeTypeInfo sqlServerTypes[] = {
    {"TinyInt", kNoArgs, kInt},
    {"SmallInt", kNoArgs, kInt},
    {"Int", kNoArgs, kInt},
    {"BigInt", kNoArgs, kBigInt},
    {"Decimal", kPrecisionScale, kDecimal},
    {"Money", kNoArgs, kFloat},
    {"SmallMoney", kNoArgs, kFloat},
    {"Bit", kNoArgs, kBoolean | kInt},
    {"Float", kOptionalArg, kFloat},
    {"Real", kNoArgs, kFloat},
    {"Date", kNoArgs, kDateTime},
    {"Time", kNoArgs, kDateTime},
    {"DateTime", kNoArgs, kDateTime},
    {"DateTime2", kNoArgs, kDateTime},
    {"DateTimeOffset", kNoArgs, kDateTime},
    {"SmallDateTime", kNoArgs, kDateTime},
    {"Char", kOptionalArg, kString},
    {"NChar", kOptionalArg, kString},
    {"VarChar", kOptionalArg | kAllowMax, kString},
    {"Text", kNoArgs, kString},
    {"NVarChar", kOptionalArg | kAllowMax, kString},
    {"NText", kNoArgs, kString},
    {"Binary", kOptionalArg, kBytes},
    {"VarBinary", kOptionalArg | kAllowMax, kBytes},
    {"Image", kNoArgs, kBytes},
    {"Xml", kNoArgs, kString},
    {"UniqueIdentifier", kNoArgs, kString},
};

static const NativeTypeInfo cockroachTypes[] = {
    {"Bit", kOptionalArg, kString},
    {"Bool", kNoArgs, kBoolean},
    {"Bytes", kNoArgs, kBytes},
    {"Char", kOptionalArg, kString},
    {"Date", kNoArgs, kDateTime},
    {"Decimal", kPrecisionScale, kDecimal},
    {"Float4", kNoArgs, kFloat},
    {"Float8", kNoArgs, kFloat},
    {"Inet", kNoArgs, kString},
    {"Int2", kNoArgs, kInt},
    {"Int4", kNoArgs, kInt},
    {"Int8", kNoArgs, kBigInt},
    {"JsonB", kNoArgs, kJson},
    {"Oid", kNoArgs, kInt},
    {"CatalogSingleChar", kNoArgs, kString},
    {"String", kOptionalArg, kString},
    {"Time", kOptionalArg, kDateTime},
    {"Timestamp", kOptionalArg, kDateTime},
    {"Timestamptz", kOptionalArg, kDateTime},
    {"Timetz", kOptionalArg, kDateTime},
    {"Uuid", kNoArgs, kString},
    {"VarBit", kOptionalArg, kString},
};

static const NativeTypeInfo mongoTypes[] = {
    {"String", kNoArgs, kString},
    {"Double", kNoArgs, kFloat},
    {"BinData", kNoArgs, kBytes},
    {"ObjectId", kNoArgs, kString | kBytes},
    {"Bool", kNoArgs, kBoolean},
    {"Date", kNoArgs, kDateTime},
    {"Int", kNoArgs, kInt},
    {"Timestamp", kNoArgs, kDateTime},
    {"Long", kNoArgs, kInt | kBigInt},
    {"Json", kNoArgs, kJson},
};

/// The native types of \p provider; empty for SQLite, which has none.
static ArrayRef<NativeTypeInfo> getNativeTypes(Provider provider) {
  switch (provider) {
  case Provider::PostgreSQL:
    return postgresTypes;
  case Provider::MySQL:
    return mysqlTypes;
  case Provider::SQLServer:
    return sqlServerTypes;
  case Provider::CockroachDB:
    return cockroachTypes;
  case Provider::MongoDB:
    return mongoTypes;
  case Provider::SQLite:
  case Provider::Unknown:
    return {};
  }
  return {};
}

/// "0", "1 integer", "0 or 2 integer", "0 or 1 integer (or Max)": the
/// accepted arguments.
static std::string describeArgs(unsigned argCounts) {
  std::string result;
  for (unsigned n = 0; n < 7; ++n) {
    if (!(argCounts & (1u << n)))
      continue;
    if (!result.empty())
      result += " or ";
    result += std::to_string(n);
  }
  if (argCounts & ~(kNoArgs | kAllowMax))
    result += " integer";
  if (argCounts & kAllowMax)
    result += " (or Max)";
  return result;
}

/// Whether \p arg is a valid argument of a native type: a non-negative
/// integer, or `Max` where \p argCounts allows it.
static bool isValidNativeArg(const Expr &arg, unsigned argCounts) {
  if (arg.kind == Expr::Kind::Number)
    return !arg.text.empty() && llvm::all_of(arg.text, isDigit);
  return (argCounts & kAllowMax) && arg.isConstant() &&
         arg.text.equals_insensitive("max");
}

namespace {} // namespace

//===----------------------------------------------------------------------===//
// Literal formats
//===----------------------------------------------------------------------===//

/// Consumes exactly \p count digits from the front of \p text.
static bool consumeDigits(StringRef &text, size_t count) {
  if (text.size() < count || !llvm::all_of(text.take_front(count), isDigit))
    return false;
  text = text.drop_front(count);
  return true;
}

/// An RFC 3339 date-time, as Prisma requires of a DateTime default:
/// `2024-01-31T09:30:00Z`, `2024-01-31T09:30:00.123+09:00`.
static bool isRFC3339DateTime(StringRef text) {
  if (!consumeDigits(text, 4) || !text.consume_front("-") ||
      !consumeDigits(text, 2) || !text.consume_front("-") ||
      !consumeDigits(text, 2))
    return false;
  if (!text.consume_front("T") && !text.consume_front("t") &&
      !text.consume_front(" "))
    return false;
  if (!consumeDigits(text, 2) || !text.consume_front(":") ||
      !consumeDigits(text, 2) || !text.consume_front(":") ||
      !consumeDigits(text, 2))
    return false;
  if (text.consume_front(".")) {
    size_t digits = text.find_if_not(isDigit);
    if (digits == 0)
      return false;
    text = text.drop_front(std::min(digits, text.size()));
  }
  if (text == "Z" || text == "z")
    return true;
  if (!text.consume_front("+") && !text.consume_front("-"))
    return false;
  return consumeDigits(text, 2) && text.consume_front(":") &&
         consumeDigits(text, 2) && text.empty();
}

/// Standard base64 with padding, as Prisma requires of a Bytes default.
static bool isBase64(StringRef text) {
  if (text.size() % 4 != 0)
    return false;
  StringRef body = text.rtrim('=');
  if (text.size() - body.size() > 2)
    return false;
  return llvm::all_of(
      body, [](char c) { return isAlnum(c) || c == '+' || c == '/'; });
}

/// A decimal number: `-12.50`, `3`, `1e-3`.
static bool isDecimalNumber(StringRef text) {
  text.consume_front("-") || text.consume_front("+");
  size_t intDigits = text.find_if_not(isDigit);
  intDigits = std::min(intDigits, text.size());
  text = text.drop_front(intDigits);
  size_t fracDigits = 0;
  if (text.consume_front(".")) {
    fracDigits = std::min(text.find_if_not(isDigit), text.size());
    text = text.drop_front(fracDigits);
  }
  if (intDigits + fracDigits == 0)
    return false;
  if (text.consume_front("e") || text.consume_front("E")) {
    text.consume_front("-") || text.consume_front("+");
    return !text.empty() && llvm::all_of(text, isDigit);
  }
  return text.empty();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
/// Checks the types of one schema.
class TypeChecker {
public:
  TypeChecker(const Schema &schema, const DBSymbols::Table &symbols,
              DiagnosticEngine &diags)
      : schema(schema), symbols(symbols), diags(diags),
        provider(getAssumedProvider(schema)) {
    if (!schema.datasources.empty())
      datasourceName = schema.datasources.front().name.name;
  }

  void run();

private:
  void checkField(const Field &field, bool inCompositeType);
  void checkUnknownType(const Field &field);
  void checkNativeType(const Field &field, const NativeType &native);
  void checkDefault(const Field &field, bool inCompositeType);
  /// Whether \p value is a valid default for a non-list field of scalar
  /// type \p kind.
  bool isValidScalarDefault(TypeKind kind, const Expr &value) const;
  bool isValidEnumDefault(const Enum *e, const Expr &value) const;
  StringRef getSpelling(SMRange range, StringRef fallback) const;

  const Schema &schema;
  const DBSymbols::Table &symbols;
  DiagnosticEngine &diags;
  Provider provider;
  StringRef datasourceName = "db";
  /// "Did you mean" answers per unknown type name; an empty string when
  /// there is none.
  StringMap<std::string> suggestions;
};
} // namespace

/// How many distinct unknown type names get a suggestion; each one costs a
/// scan over every declaration.
static constexpr unsigned kMaxSuggestions = 256;

StringRef TypeChecker::getSpelling(SMRange range, StringRef fallback) const {
  if (!range.Start.isValid() || !range.End.isValid() ||
      range.End.getPointer() < range.Start.getPointer())
    return fallback;
  return StringRef(range.Start.getPointer(),
                   range.End.getPointer() - range.Start.getPointer());
}

void TypeChecker::checkUnknownType(const Field &field) {
  StringRef name = field.typeName.name;
  if (name.empty())
    return;
  auto [it, inserted] = suggestions.try_emplace(name);
  if (inserted && suggestions.size() <= kMaxSuggestions) {
    ClosestMatch match(name);
    for (StringRef scalar : {"String", "Boolean", "Int", "BigInt", "Float",
                             "Decimal", "DateTime", "Json", "Bytes"})
      match.consider(scalar);
    for (const auto &entry : symbols.enums)
      match.consider(entry.getKey());
    for (const auto &entry : symbols.compositeTypes)
      match.consider(entry.getKey());
    for (const auto &entry : symbols.models)
      match.consider(entry.getKey());
    it->second = match.get().str();
  }
  InFlightDiagnostic diag =
      diags.report(DiagID::DBUnknownType, field.typeName.range);
  diag << name;
  if (!it->second.empty())
    diag.fix(NoteID::DidYouMean, field.typeName.range, it->second)
        << it->second;
}

void TypeChecker::checkNativeType(const Field &field,
                                  const NativeType &native) {
  // On a relation field a native type is DB022 (db-models): no column.
  if (field.isRelation())
    return;
  // `@pg.VarChar` with a datasource named `db` is an unknown attribute
  // (DB022), not a native type.
  if (!native.prefix.empty() && native.prefix != datasourceName)
    return;
  if (provider == Provider::Unknown)
    return;
  std::string spelled =
      (native.prefix.empty() ? StringRef("db") : native.prefix).str() + "." +
      native.name.name.str();
  ArrayRef<NativeTypeInfo> table = getNativeTypes(provider);
  const NativeTypeInfo *info = nullptr;
  for (const NativeTypeInfo &candidate : table)
    if (candidate.name == native.name.name) {
      info = &candidate;
      break;
    }
  if (!info) {
    InFlightDiagnostic diag =
        diags.report(DiagID::DBNativeTypeProvider, native.range);
    diag << spelled << getProviderName(provider);
    ClosestMatch match(native.name.name);
    for (const NativeTypeInfo &candidate : table)
      match.consider(candidate.name);
    StringRef best = match.get();
    if (!best.empty())
      diag.fix(NoteID::DidYouMean, native.name.range, best) << best;
    else if (provider == Provider::SQLite)
      diag.fix(NoteID::FixSQLiteNativeType);
    return;
  }
  if (isScalar(field.type) && field.type != TypeKind::Unsupported &&
      !(info->scalars & bit(field.type))) {
    diags.report(DiagID::DBNativeTypeScalar, native.range)
        << spelled << getTypeKindName(field.type);
    return;
  }
  if (!isScalar(field.type) && field.type != TypeKind::Unknown) {
    diags.report(DiagID::DBNativeTypeScalar, native.range)
        << spelled << field.typeName.name;
    return;
  }
  unsigned given = native.args.size();
  bool valid = given < 7 && (info->argCounts & (1u << given)) &&
               llvm::all_of(native.args, [&](const Expr &arg) {
                 return isValidNativeArg(arg, info->argCounts);
               });
  if (valid)
    return;
  // The argument list as written: the attribute's text after its name.
  StringRef argList = "none";
  if (given && native.name.range.End.isValid() && native.range.End.isValid() &&
      native.range.End.getPointer() > native.name.range.End.getPointer())
    argList = StringRef(native.name.range.End.getPointer(),
                        native.range.End.getPointer() -
                            native.name.range.End.getPointer())
                  .trim();
  diags.report(DiagID::DBNativeTypeArgs, native.range)
      << spelled << describeArgs(info->argCounts) << argList;
}

bool TypeChecker::isValidScalarDefault(TypeKind kind, const Expr &value) const {
  switch (value.kind) {
  case Expr::Kind::Call: {
    StringRef fn = value.text;
    if (fn == "dbgenerated" || fn == "auto")
      return true;
    if (fn == "autoincrement" || fn == "sequence")
      return kind == TypeKind::Int || kind == TypeKind::BigInt;
    if (fn == "now")
      return kind == TypeKind::DateTime;
    if (fn == "uuid" || fn == "cuid" || fn == "nanoid" || fn == "ulid")
      return kind == TypeKind::String;
    // Unknown functions are DB023 (db-models).
    return true;
  }
  case Expr::Kind::String:
    // Prisma parses string defaults of these types and rejects bad ones.
    switch (kind) {
    case TypeKind::String:
      return true;
    case TypeKind::DateTime:
      return isRFC3339DateTime(value.text);
    case TypeKind::Json:
      return static_cast<bool>(json::parse(value.text));
    case TypeKind::Bytes:
      return isBase64(value.text);
    case TypeKind::Decimal:
      return isDecimalNumber(value.text);
    default:
      return false;
    }
  case Expr::Kind::Number: {
    if (kind == TypeKind::Float || kind == TypeKind::Decimal)
      return true;
    if (kind == TypeKind::Int || kind == TypeKind::BigInt) {
      // Prisma reads both as 64-bit integers.
      int64_t parsed;
      return !value.text.getAsInteger(10, parsed);
    }
    return false;
  }
  case Expr::Kind::Constant:
    return kind == TypeKind::Boolean &&
           (value.text == "true" || value.text == "false");
  case Expr::Kind::Array:
  case Expr::Kind::Object:
    return false;
  }
  return false;
}

bool TypeChecker::isValidEnumDefault(const Enum *e, const Expr &value) const {
  if (value.isCall())
    return value.text == "dbgenerated";
  if (!value.isConstant())
    return false;
  if (!e)
    return true;
  for (const EnumValue &enumValue : e->values)
    if (enumValue.name.name == value.text)
      return true;
  return false;
}

void TypeChecker::checkDefault(const Field &field, bool inCompositeType) {
  const Attribute *attr = field.getAttribute("default");
  const Expr *value = field.getDefaultValue();
  if (!attr || !value)
    return;
  bool valid = true;
  if (field.isRelation() || field.type == TypeKind::Composite) {
    valid = false;
  } else if (field.type == TypeKind::Unsupported) {
    valid = value->isCall() && value->text == "dbgenerated";
  } else if (field.type == TypeKind::Enum) {
    const Enum *e = nullptr;
    auto it = symbols.enums.find(field.typeName.name);
    if (it != symbols.enums.end())
      e = it->second;
    if (field.isList && value->isArray()) {
      for (const Expr &element : value->elements)
        valid &= isValidEnumDefault(e, element);
    } else if (field.isList) {
      valid = value->isCall() && value->text == "dbgenerated";
    } else {
      valid = isValidEnumDefault(e, *value);
    }
  } else if (isScalar(field.type)) {
    if (value->isCall()) {
      valid = isValidScalarDefault(field.type, *value);
      // Composite type fields take only a few functions.
      if (inCompositeType &&
          (value->text == "autoincrement" || value->text == "auto" ||
           value->text == "dbgenerated"))
        valid = false;
    } else if (field.isList) {
      valid = value->isArray();
      if (valid)
        for (const Expr &element : value->elements)
          valid &= !element.isArray() && !element.isCall() &&
                   isValidScalarDefault(field.type, element);
    } else {
      valid = isValidScalarDefault(field.type, *value);
    }
  } else {
    return; // Unknown type: DB010 already.
  }
  if (valid)
    return;
  std::string type = field.typeName.name.str();
  if (field.isList)
    type += "[]";
  diags.report(DiagID::DBDefaultTypeMismatch, value->range)
      << getSpelling(value->range, value->text) << type << field.name.name;
}

void TypeChecker::checkField(const Field &field, bool inCompositeType) {
  if (field.type == TypeKind::Unknown) {
    checkUnknownType(field);
    return;
  }
  if (field.nativeType)
    checkNativeType(field, *field.nativeType);
  if (field.isList && !field.isRelation() &&
      field.type != TypeKind::Composite && provider != Provider::Unknown &&
      provider != Provider::PostgreSQL && provider != Provider::CockroachDB &&
      provider != Provider::MongoDB)
    diags.report(DiagID::DBScalarListUnsupported, field.typeName.range)
        << field.name.name << field.typeName.name << getProviderName(provider);
  checkDefault(field, inCompositeType);
  if (const Attribute *updatedAt = field.getAttribute("updatedAt")) {
    if (field.type != TypeKind::DateTime || field.isList) {
      std::string type = field.typeName.name.str();
      if (field.isList)
        type += "[]";
      diags.report(DiagID::DBUpdatedAtType, updatedAt->range) << type;
    }
  }
}

void TypeChecker::run() {
  for (const Model &model : schema.models)
    for (const Field &field : model.fields)
      checkField(field, /*inCompositeType=*/false);
  for (const CompositeType &type : schema.compositeTypes)
    for (const Field &field : type.fields)
      checkField(field, /*inCompositeType=*/true);
  // Composite types are documents inside documents: MongoDB only.
  if (provider != Provider::Unknown && provider != Provider::MongoDB)
    for (const CompositeType &type : schema.compositeTypes)
      diags.report(DiagID::DBBlockInvalid, type.name.range)
          << "composite type" << type.name.name
          << ("composite types exist only on MongoDB, not on '" +
              getProviderName(provider) + "'")
                 .str();
  // Prisma emulates enums on SQLite since 6.2; SQL Server has none.
  if (provider == Provider::SQLServer)
    for (const Enum &e : schema.enums)
      diags.report(DiagID::DBEnumUnsupported, e.name.range)
          << e.name.name << getProviderName(provider);
}

namespace {
struct DBTypesPass : SchemaPass<DBTypesPass> {
  static constexpr StringLiteral argument = "db-types";
  static constexpr StringLiteral description =
      "Checks types: unknown types, native types, lists, enums, defaults.";

  void run(const Schema &schema, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const DBSymbols &symbols = analyses.getAnalysis<DBSymbols>();
    if (schema.origin == SchemaOrigin::PrismaText)
      TypeChecker(schema, symbols.get(schema), diags).run();
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBTypesPass() {
  return std::make_unique<DBTypesPass>();
}
