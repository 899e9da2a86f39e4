import type { Currencies, DiscountApplication } from '../../domain/index.ts';
import { formatMinorDecimal } from './decimal-text.ts';

const typenames: Record<DiscountApplication['type'], string> = {
  discount_code: 'DiscountCodeApplication',
  manual: 'ManualDiscountApplication',
  script: 'ScriptDiscountApplication',
  automatic: 'AutomaticDiscountApplication',
};

/** DiscountApplication (interface): the concrete type follows how the discount was applied. */
export function discountApplicationView(
  application: DiscountApplication,
  index: number,
  currencies: Currencies,
) {
  return {
    __typename: typenames[application.type],
    index,
    code: application.code,
    title: application.title ?? application.code ?? '',
    description: application.description,
    allocationMethod: application.allocationMethod.toUpperCase(),
    targetSelection: application.targetSelection.toUpperCase(),
    targetType: application.targetType.toUpperCase(),
    value:
      application.valueType === 'percentage'
        ? { __typename: 'PricingPercentageValue', percentage: Number(application.value) }
        : {
            __typename: 'MoneyV2',
            amount: formatMinorDecimal(application.value, currencies.presentment),
            currencyCode: currencies.presentment,
          },
  };
}
