<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Copay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deposit top-up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Petty payout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Patient deposit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bank transfer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A cash shift is opened by a signed-in user at a desk.</source>
      <extracomment>cash_shift_opened_signed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The shift to take over from is not a closed shift of this hospital.</source>
      <extracomment>shift_take_over_not</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A cash shift is already open for you on this workstation; close it before opening another.</source>
      <extracomment>cash_shift_already_open</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A petty payout is more than AED 0 and at most {limit}.</source>
      <extracomment>petty_payout_more_aed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give the count either by denomination or as a total.</source>
      <extracomment>give_count_either_denomination</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This shift was already closed at {s}; a closed shift cannot be changed.</source>
      <extracomment>shift_already_closed_closed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The count is {value}: say why before closing.</source>
      <extracomment>count_say_why_before</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no cash shift {shift_id} at this hospital.</source>
      <extracomment>no_cash_shift_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The notes and coins add up to {counted}, not the {amount} typed as the float.</source>
      <extracomment>notes_coins_add_up</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An opening float is at most {limit}.</source>
      <extracomment>opening_float_most</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what}, more than the {threshold} a desk may close with: an accountant or administrator must approve it with their username and password.</source>
      <extracomment>more_desk_may_close</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The supervisor's username or password is wrong; the shift was not closed.</source>
      <extracomment>supervisor_username_password_wrong</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{full_name} may not approve a cash difference; ask an accountant or administrator.</source>
      <extracomment>may_not_approve_cash</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A difference on your own drawer is approved by someone else.</source>
      <extracomment>difference_own_drawer_approved</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
